import type { Person } from '../../scripts/lib/model/types.ts';
import { RichText } from './RichText.tsx';
import type { WebView } from './view.ts';

/** A photo, or the initials in the brand colour when there is none (as the PDF and deck show them). */
export function Avatar({ person, view, size }: { person: Person; view: WebView; size: 'large' | 'small' }) {
  const image = person.photo && view.images.get(person.photo);
  if (image) {
    return (
      <img
        className={`avatar avatar-${size}`}
        src={image.src}
        srcSet={image.srcset}
        sizes={size === 'large' ? '88px' : '56px'}
        width={image.width}
        height={image.height}
        alt=""
      />
    );
  }
  return (
    <span className={`avatar avatar-${size} initials`} aria-hidden="true">
      {person.initials}
    </span>
  );
}

/** Name (as a heading of the given level), role and affiliation lines. */
export function PersonHeader({ person, view, level }: { person: Person; view: WebView; level: 'h3' | 'p' }) {
  const Name = level;
  return (
    <div className="person">
      <Avatar person={person} view={view} size={level === 'h3' ? 'large' : 'small'} />
      <div className="person-text">
        {person.role && <p className="role">{person.role}</p>}
        <Name className="name">
          <RichText runs={person.name} />
        </Name>
        {person.affiliation.map((line, i) => (
          <p className="affiliation" key={i}>
            {line}
          </p>
        ))}
      </div>
    </div>
  );
}
